import asyncio
print("waits compiled?")
await asyncio.sleep(0)
