@NullMarked
package org.diplomaticcontacts.meeting;

import org.jspecify.annotations.NullMarked;
