"""Rules of the family 'arithmetic' (see yusuan.check.engine.FAMILIES)."""
