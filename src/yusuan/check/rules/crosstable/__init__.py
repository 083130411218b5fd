"""Rules of the family 'crosstable' (see yusuan.check.engine.FAMILIES)."""
