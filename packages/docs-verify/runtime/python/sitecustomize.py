"""Imported at the start of every Python block (PYTHONPATH): a wait the block's own code asks for
(time.sleep, asyncio.sleep in a poller) is shortened to a few milliseconds, as fake timers would,
so a block that waits as documented is not killed as hung. Waits inside libraries keep their
length."""

import asyncio
import os
import sys
import time

SHORTEST = 0.02
_sleep = time.sleep
_async_sleep = asyncio.sleep


def _asked_by_block():
    block = os.path.abspath(sys.argv[0]) if sys.argv and sys.argv[0] else None
    caller = sys._getframe(2)
    return block is not None and os.path.abspath(caller.f_code.co_filename) == block


def sleep(seconds):
    _sleep(SHORTEST if seconds > SHORTEST and _asked_by_block() else seconds)


# Not a coroutine itself: who asks for the wait is known only when the coroutine is made.
def async_sleep(delay, result=None):
    wait = SHORTEST if delay > SHORTEST and _asked_by_block() else delay
    return _async_sleep(wait, result)


time.sleep = sleep
asyncio.sleep = async_sleep
