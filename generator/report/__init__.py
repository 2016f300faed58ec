"""Monthly client reports: figures, charts, HTML through Jinja2, PDF through WeasyPrint."""
