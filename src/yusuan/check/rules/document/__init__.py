"""Rules of the family 'document' (see yusuan.check.engine.FAMILIES)."""
