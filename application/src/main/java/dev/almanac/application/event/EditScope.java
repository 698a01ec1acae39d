package dev.almanac.application.event;

/** Which occurrences an edit through one occurrence reaches: it alone, it and every later one, or all. */
public enum EditScope {
    THIS, FOLLOWING, ALL
}
