"""Rules of the family 'final_accounts' (see yusuan.check.engine.FAMILIES): the 决算 only."""
