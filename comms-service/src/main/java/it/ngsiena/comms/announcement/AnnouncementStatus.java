package it.ngsiena.comms.announcement;

import it.ngsiena.kernel.lifecycle.Lifecycle;
import it.ngsiena.kernel.text.Labelled;
import java.util.Set;

/** DRAFT → PUBLISHED → ARCHIVED. */
public enum AnnouncementStatus implements Labelled, Lifecycle<AnnouncementStatus> {
    DRAFT,
    PUBLISHED,
    ARCHIVED;

    @Override
    public Set<AnnouncementStatus> next() {
        return switch (this) {
            case DRAFT -> Set.of(PUBLISHED);
            case PUBLISHED -> Set.of(ARCHIVED);
            case ARCHIVED -> Set.of();
        };
    }
}
