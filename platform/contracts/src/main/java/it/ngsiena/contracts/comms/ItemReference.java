package it.ngsiena.contracts.comms;

/**
 * An item of another workstream that an announcement is about: {@code type} is the item kind
 * (NEED, STUDY, TRAINING_SESSION, COURSE, WORKSHOP), {@code id} its id.
 */
public record ItemReference(String type, String id) {}
