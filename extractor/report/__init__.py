"""The HTML reports: an edition's page and a diff's page, their charts and templates."""
