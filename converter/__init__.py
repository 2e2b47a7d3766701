"""Turn UN resolutions and decisions into Akoma Ntoso (AKN4UN)."""
from converter.api import InputError, Result, convert

__version__ = "0.1.0"
__all__ = ["convert", "InputError", "Result", "__version__"]
