package io.retrobridge.domain;

/** How days past a due date are counted: every day, or only working days of a {@link WorkCalendar}. */
public enum DayCount { CALENDAR, BUSINESS }
