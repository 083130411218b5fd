"""Rules of the family 'performance' (see yusuan.check.engine.FAMILIES)."""
