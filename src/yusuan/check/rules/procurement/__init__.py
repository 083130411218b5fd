"""Rules of the family 'procurement' (see yusuan.check.engine.FAMILIES)."""
