import asyncio
class Worker:
    def __init__(self, i):
        self.i = i
    async def work(self):
        await asyncio.sleep(0.01 * (3 - self.i))
        return f"worker {self.i} in {__name__}"
    def __repr__(self):
        return f"Worker({self.i})"
