"""The web process leaves what it loads at start-up out of the garbage collector's full passes."""

import gc
import importlib


def test_the_wsgi_module_freezes_what_it_loaded():
    gc.unfreeze()
    assert gc.get_freeze_count() == 0
    import accelerator.wsgi

    importlib.reload(accelerator.wsgi)
    try:
        assert gc.get_freeze_count() > 10_000
        assert callable(accelerator.wsgi.application)
    finally:
        gc.unfreeze()
