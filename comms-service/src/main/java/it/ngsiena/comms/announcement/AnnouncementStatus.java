package it.ngsiena.comms.announcement;

import it.ngsiena.kernel.lifecycle.Lifecycle;
import java.util.Set;

/** DRAFT → PUBLISHED → ARCHIVED. */
public enum AnnouncementStatus implements Lifecycle<AnnouncementStatus> {
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
