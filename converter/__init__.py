"""Turn UN resolutions and decisions into Akoma Ntoso (AKN4UN), and check AKN files."""
from converter.api import InputError, Result, convert
from converter.validate import Problem, validate

__version__ = "0.1.0"
__all__ = ["InputError", "Problem", "Result", "__version__", "convert", "validate"]
