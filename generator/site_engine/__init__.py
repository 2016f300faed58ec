"""What Almanac adds to the site engine: the MkDocs hooks, the search text, the build cache."""

# Where the MkDocs hooks find each page's search text: beside mkdocs.yml, never published
SEARCH_FILE = "almanac-search.json"
