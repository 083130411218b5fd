"""Rules of the family 'codes' (see yusuan.check.engine.FAMILIES)."""
