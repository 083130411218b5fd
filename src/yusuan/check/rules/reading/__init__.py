"""Rules of the family 'reading' (see yusuan.check.engine.FAMILIES)."""
