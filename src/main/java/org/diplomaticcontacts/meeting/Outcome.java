package org.diplomaticcontacts.meeting;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** What came of a meeting: an agreement, an invitation, a statement, a signed document. */
@Embeddable
public class Outcome {

    @Enumerated(EnumType.STRING)
    private OutcomeType type;

    private String description;

    protected Outcome() {
    }

    Outcome(OutcomeType type, String description) {
        this.type = type;
        this.description = description;
    }
}
