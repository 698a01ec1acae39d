package dev.almanac.application.mail;

/** Sends the queued mails that are due, once each, retrying failures with exponential backoff. */
public interface RelayMailUseCase {

    /** Handles one batch of due mails; returns how many were handled (sent, rescheduled or given up). */
    int relayDue();
}
