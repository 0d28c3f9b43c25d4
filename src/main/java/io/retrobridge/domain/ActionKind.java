package io.retrobridge.domain;

/** Whether an action item repairs what went wrong or keeps it from happening again. */
public enum ActionKind { CORRECTIVE, PREVENTIVE }
