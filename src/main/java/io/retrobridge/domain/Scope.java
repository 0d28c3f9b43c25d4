package io.retrobridge.domain;

/** What kind of work an action item asks for. */
public enum Scope { IMMEDIATE_FIX, PROCESS_IMPROVEMENT, TOOLING_UPGRADE, TRAINING }
