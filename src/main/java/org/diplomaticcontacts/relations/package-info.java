/**
 * The bilateral record of two countries: how many meetings, when, about what, and who met most.
 * Counts the same meetings as {@code GET /meetings?country=&counterpart=}: both read the country
 * pairs PostgreSQL keeps (migration V23: a participant represents the country, or the meeting is
 * a {@code VISIT} to it) and their counters (V24).
 */
@NullMarked
package org.diplomaticcontacts.relations;

import org.jspecify.annotations.NullMarked;
