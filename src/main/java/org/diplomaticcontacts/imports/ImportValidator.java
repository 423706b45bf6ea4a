package org.diplomaticcontacts.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.diplomaticcontacts.shared.DateRange;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Checks a whole JSON import before anything is written: the same constraints as the API's
 * writes, every reference resolvable (in the document or the registry), external ids unique,
 * and no cycle among parents. Every rejected record is listed with all its errors.
 */
@Component
class ImportValidator {

    private final Validator validator;

    ImportValidator(Validator validator) {
        this.validator = validator;
    }

    List<ImportReport.Rejected> validate(ImportDocument.Contents document, ImportReferences references) {
        List<ImportReport.Rejected> rejected = new ArrayList<>();
        Set<String> organizationRefs = externalIds(document.organizations(), ImportDocument.Organization::externalId,
                "organization", rejected);
        Set<String> officialRefs = externalIds(document.officials(), ImportDocument.Official::externalId, "official",
                rejected);
        Set<String> meetingRefs = externalIds(document.meetings(), ImportDocument.Meeting::externalId, "meeting",
                rejected);
        Set<String> areaCodes = new HashSet<>(references.areaCodes);
        document.cooperationAreas().forEach(area -> areaCodes.add(area.code()));

        checkAll(document.organizations(), "organization", ImportDocument.Organization::externalId, rejected,
                (organization, errors) -> {
                    country(references, organization.countryCode(), "countryCode", errors);
                    organization(references, organizationRefs, organization.parentId(), organization.parentRef(),
                            "parent", errors);
                });
        checkAll(document.cooperationAreas(), "cooperationArea", ImportDocument.CooperationArea::code, rejected,
                (area, errors) -> {
                    String parent = area.parentCode() != null ? area.parentCode() : area.parentRef();
                    if (parent != null && !areaCodes.contains(parent)) {
                        errors.add("parentCode: unknown cooperation area '" + parent + "'");
                    }
                });
        checkAll(document.officials(), "official", ImportDocument.Official::externalId, rejected,
                (official, errors) -> {
                    country(references, official.countryCode(), "countryCode", errors);
                    List<ImportDocument.Position> positions = official.positions() == null ? List.of()
                            : official.positions();
                    for (int index = 0; index < positions.size(); index++) {
                        ImportDocument.Position position = positions.get(index);
                        organization(references, organizationRefs, position.organizationId(),
                                position.organizationRef(), "positions[" + index + "].organization", errors);
                        if (position.startDate() != null && position.endDate() != null
                                && position.startDate().isAfter(position.endDate())) {
                            errors.add("positions[" + index + "].startDate: must not be after endDate");
                        }
                    }
                });
        checkAll(document.meetings(), "meeting", ImportDocument.Meeting::externalId, rejected,
                (meeting, errors) -> meeting(meeting, references, officialRefs, meetingRefs, areaCodes, errors));
        rejectOrganizationCycles(document.organizations(), references, rejected);
        rejectParentCycles(document.cooperationAreas(), ImportDocument.CooperationArea::code,
                area -> area.parentCode() != null ? area.parentCode() : area.parentRef(), references.areaParents,
                "cooperationArea", ImportDocument.CooperationArea::code, rejected);
        return rejected;
    }

    private void meeting(ImportDocument.Meeting meeting, ImportReferences references, Set<String> officialRefs,
            Set<String> meetingRefs, Set<String> areaCodes, List<String> errors) {
        try {
            DateRange.parse(meeting.date());
        }
        catch (DateRange.InvalidDateException invalid) {
            errors.add("date: " + invalid.getMessage());
        }
        if (meeting.location() != null) {
            country(references, meeting.location().countryCode(), "location.countryCode", errors);
        }
        Set<String> seen = new HashSet<>();
        for (int index = 0; index < meeting.participants().size(); index++) {
            ImportDocument.Participant participant = meeting.participants().get(index);
            String field = "participants[" + index + "]";
            if (participant == null) {
                continue;
            }
            if ((participant.officialId() == null) == (participant.officialRef() == null)) {
                errors.add(field + ": give exactly one of officialId and officialRef");
            }
            else if (participant.officialRef() != null && !officialRefs.contains(participant.officialRef())
                    && !references.officialsByExternalId.containsKey(participant.officialRef())) {
                errors.add(field + ".officialRef: unknown official '" + participant.officialRef() + "'");
            }
            else if (participant.officialId() != null && !references.officialIds.contains(participant.officialId())) {
                errors.add(field + ".officialId: unknown official " + participant.officialId());
            }
            // by the stored id where the registry has one: an officialId and an officialRef may name the same official
            Long stored = participant.officialId() != null ? participant.officialId()
                    : references.officialsByExternalId.get(participant.officialRef());
            if (!seen.add(stored != null ? "id:" + stored : "ref:" + participant.officialRef())) {
                errors.add(field + ": this official is already a participant");
            }
            country(references, participant.countryCode(), field + ".countryCode", errors);
        }
        List<String> areas = meeting.cooperationAreas() == null ? List.of() : meeting.cooperationAreas();
        for (int index = 0; index < areas.size(); index++) {
            if (areas.get(index) != null && !areaCodes.contains(areas.get(index))) {
                errors.add("cooperationAreas[" + index + "]: unknown cooperation area '" + areas.get(index) + "'");
            }
        }
        List<String> related = meeting.relatedRefs() == null ? List.of() : meeting.relatedRefs();
        for (int index = 0; index < related.size(); index++) {
            String ref = related.get(index);
            if (ref != null && (ref.equals(meeting.externalId())
                    || !meetingRefs.contains(ref) && !references.meetingsByExternalId.containsKey(ref))) {
                errors.add("relatedRefs[" + index + "]: unknown or self-referencing meeting '" + ref + "'");
            }
        }
    }

    private interface Check<T> {
        void check(T record, List<String> errors);
    }

    private <T> void checkAll(List<T> records, String kind, Function<T, @Nullable String> key,
            List<ImportReport.Rejected> rejected, Check<T> check) {
        for (int index = 0; index < records.size(); index++) {
            T record = records.get(index);
            List<String> errors = new ArrayList<>();
            for (ConstraintViolation<T> violation : validator.validate(record)) {
                errors.add(violation.getPropertyPath() + ": " + violation.getMessage());
            }
            if (errors.isEmpty()) {
                check.check(record, errors);
            }
            if (!errors.isEmpty()) {
                rejected.add(new ImportReport.Rejected(kind, key.apply(record), index,
                        errors.stream().sorted().toList()));
            }
        }
    }

    private static <T> Set<String> externalIds(List<T> records, Function<T, @Nullable String> key, String kind,
            List<ImportReport.Rejected> rejected) {
        Set<String> seen = new HashSet<>();
        for (int index = 0; index < records.size(); index++) {
            String externalId = key.apply(records.get(index));
            if (externalId != null && !seen.add(externalId)) {
                rejected.add(new ImportReport.Rejected(kind, externalId, index,
                        List.of("externalId: appears more than once among the " + kind + "s")));
            }
        }
        return seen;
    }

    private static void country(ImportReferences references, @Nullable String code, String field, List<String> errors) {
        if (code != null && references.country(code) == null) {
            errors.add(field + ": unknown country code '" + code + "'");
        }
    }

    private static void organization(ImportReferences references, Set<String> documentRefs, @Nullable Long id,
            @Nullable String ref, String field, List<String> errors) {
        if (id != null && ref != null) {
            errors.add(field + ": give organizationId or organizationRef, not both");
        }
        else if (id != null && !references.organizationIds.contains(id)) {
            errors.add(field + "Id: unknown organization " + id);
        }
        else if (ref != null && !documentRefs.contains(ref) && !references.organizationsByExternalId.containsKey(ref)) {
            errors.add(field + "Ref: unknown organization '" + ref + "'");
        }
    }

    private static void rejectOrganizationCycles(List<ImportDocument.Organization> organizations,
            ImportReferences references, List<ImportReport.Rejected> rejected) {
        Map<String, String> stored = new HashMap<>();
        references.organizationParents.forEach((id, parent) -> stored.put("id:" + id, "id:" + parent));
        rejectParentCycles(organizations,
                organization -> organizationKey(references, null, organization.externalId()),
                organization -> organizationKey(references, organization.parentId(), organization.parentRef()),
                stored, "organization", ImportDocument.Organization::externalId, rejected);
    }

    /**
     * An organization as the parent chains see it: by its stored id when it has one (named by id,
     * or by the external id of a stored organization), else by the external id the document gives it.
     */
    private static @Nullable String organizationKey(ImportReferences references, @Nullable Long id,
            @Nullable String externalId) {
        if (id != null) {
            return "id:" + id;
        }
        if (externalId == null) {
            return null;
        }
        Long stored = references.organizationsByExternalId.get(externalId);
        return stored != null ? "id:" + stored : "ref:" + externalId;
    }

    /**
     * A parent chain that comes back to where it started can never be stored: reject every record
     * of the document on it. The chains are those the registry will hold once the document is
     * written: the stored parents, with the document's records' own parents (or none) over them.
     */
    private static <T> void rejectParentCycles(List<T> records, Function<T, @Nullable String> key,
            Function<T, @Nullable String> parent, Map<String, String> storedParents, String kind,
            Function<T, @Nullable String> reportedAs, List<ImportReport.Rejected> rejected) {
        Map<String, String> parentOf = new HashMap<>(storedParents);
        for (T record : records) {
            String own = key.apply(record);
            String up = parent.apply(record);
            if (own != null && up != null) {
                parentOf.put(own, up);
            }
            else if (own != null) {
                parentOf.remove(own);
            }
        }
        for (int index = 0; index < records.size(); index++) {
            String start = key.apply(records.get(index));
            Set<String> path = new HashSet<>();
            for (String current = start; current != null && path.add(current); current = parentOf.get(current)) {
                if (start.equals(parentOf.get(current))) {
                    rejected.add(new ImportReport.Rejected(kind, reportedAs.apply(records.get(index)), index,
                            List.of("parent: the chain of parents comes back to this record (a cycle)")));
                    break;
                }
            }
        }
    }
}
