"""Cross-year rules: this year's document against the same unit's document of the year before."""
