package it.ngsiena.kernel.directory;

import java.util.Optional;
import java.util.Set;

/**
 * A person of the realm who can be written to: an enabled user with an e-mail address.
 *
 * @param subject  the {@code sub} of their tokens
 * @param email    where mail for them goes
 * @param name     their first name, for the greeting (the user name when it is not set)
 * @param language the language their account says ({@code locale}: "it" or "en"), if it says one
 * @param grants   what they may read, in the names of {@code Readers} ({@link Account#readerGrants()})
 */
public record Person(String subject, String email, String name, Optional<String> language, Set<String> grants) {}
