/**
 * The bilateral record of two countries: how many meetings, when, about what, and who met most.
 * Counts the same meetings as {@code GET /meetings?country=&counterpart=} through the meeting
 * feature's public {@code CountryInvolvement} rule.
 */
@NullMarked
package org.diplomaticcontacts.relations;

import org.jspecify.annotations.NullMarked;
