"""Human-editable data: actor dictionaries (countries, agents, groups, people) and verb patterns."""
