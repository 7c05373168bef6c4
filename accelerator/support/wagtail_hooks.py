"""The support app's Wagtail admin hooks. Each part (coaching, training, assistance) keeps its
hooks in its own module, imported here so Wagtail finds them; add yours as one line below."""

from . import (
    assistance_hooks,  # noqa: F401
    coaching_hooks,  # noqa: F401
    training_hooks,  # noqa: F401
)
