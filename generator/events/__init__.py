"""Events and days: calendar files (icalendar) and public holidays (the holidays library)."""
