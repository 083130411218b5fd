"""Rules of the family 'three_public' (see yusuan.check.engine.FAMILIES)."""
