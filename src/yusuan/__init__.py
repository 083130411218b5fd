"""yusuan (预算): Chinese public-sector budget disclosure — author, audit, procurement rules."""

__version__ = "0.1.0"
