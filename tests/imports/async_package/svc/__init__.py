from .worker import Worker
__all__ = ["Worker", "run_all"]
async def run_all(n):
    import asyncio
    ws = [Worker(i) for i in range(n)]
    return await asyncio.gather(*(w.work() for w in ws))
