package org.diplomaticcontacts.organization;

public enum OrganizationKind {
    PARLIAMENT,
    PARLIAMENTARY_ASSEMBLY,
    GOVERNMENT,
    MINISTRY,
    EMBASSY,
    INTERNATIONAL_ORGANIZATION,
    AGENCY,
    FINANCIAL_CENTRE,
    OTHER
}
