"""Rules of the family 'narrative' (see yusuan.check.engine.FAMILIES)."""
