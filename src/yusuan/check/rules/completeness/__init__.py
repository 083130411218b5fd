"""Rules of the family 'completeness' (see yusuan.check.engine.FAMILIES)."""
