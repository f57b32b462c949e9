"""What every entry point does once the app is loaded, before its first request."""
from __future__ import annotations

import gc


def freeze_loaded_app() -> None:
    """Move every object alive now (modules, classes, settings, caches: ~260k tracked objects) to the
    permanent generation, as CPython's ``gc.freeze`` documents for long-lived servers: a full collection
    then walks only what requests allocate, instead of pausing ~0.2 s over the loaded app each time.
    Collecting first frees the loading's own garbage rather than keeping it forever."""
    gc.collect()
    gc.freeze()
