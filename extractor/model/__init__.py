"""The plan model: the records of one edition, reading plan.json back, its JSON Schema."""
