# `yield from` is not allowed in coroutines (use `await`).
async def delegate(gen):
    yield from gen
