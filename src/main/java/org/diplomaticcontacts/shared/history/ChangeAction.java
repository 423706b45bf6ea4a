package org.diplomaticcontacts.shared.history;

public enum ChangeAction {
    CREATE,
    UPDATE,
    DELETE
}
