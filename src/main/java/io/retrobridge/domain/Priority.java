package io.retrobridge.domain;

/** How urgent an action item is, from most to least. */
public enum Priority { HIGHEST, HIGH, MEDIUM, LOW, LOWEST }
