@NullMarked
package org.diplomaticcontacts.organization;

import org.jspecify.annotations.NullMarked;
