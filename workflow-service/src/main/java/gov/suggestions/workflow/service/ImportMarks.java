package gov.suggestions.workflow.service;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.transaction.TransactionScoped;

/**
 * The step of a case import the current transaction replays, if any (CaseImports sets it around each step). Every
 * history entry written meanwhile is marked with it (CaseHistory), and its events carry {@code imported: true}
 * (CaseRecorder); outside an import it is empty and nothing changes.
 */
@TransactionScoped
public class ImportMarks implements Serializable {

    private static final long serialVersionUID = 1L;

    private Caller.ImportedStep current;

    public void begin(Caller.ImportedStep step) {
        this.current = step;
    }

    public void end() {
        this.current = null;
    }

    public Optional<Caller.ImportedStep> current() {
        return Optional.ofNullable(current);
    }

    /** What a history entry's detail carries under {@code imported}: who imported it, from which record, which step. */
    public static Map<String, Object> detail(Caller.ImportedStep step) {
        Map<String, Object> imported = new LinkedHashMap<>();
        imported.put("by", step.by());
        imported.put("sourceRecord", step.sourceRecord());
        imported.put("step", step.step());
        return imported;
    }
}
