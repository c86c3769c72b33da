package gov.suggestions.suggestion.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import gov.suggestions.suggestion.config.ImportConfig;
import gov.suggestions.suggestion.domain.ImportJob;
import gov.suggestions.suggestion.domain.ImportJobError;
import gov.suggestions.suggestion.domain.Limits;
import gov.suggestions.suggestion.domain.Text;
import gov.suggestions.suggestion.repository.ImportJobRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Bulk import of suggestions, row by row: rows that failed validation are listed with their reason, rows whose
 * number the congress body already has are left unchanged, the others stored. Large imports run as a job.
 */
@ApplicationScoped
public class ImportService {

    private static final Logger LOG = Logger.getLogger(ImportService.class);

    /**
     * One row of an import: a valid command, or the reason it was rejected while reading it. A row brought over from
     * the previous platform may carry the assignment it had and the id of its record there.
     */
    public record ImportRow(int rowNumber, String number, RegisterSuggestion command, String rejection, ImportedAssignment assignment,
            String sourceRecord) {

        public ImportRow(int rowNumber, String number, RegisterSuggestion command, String rejection) {
            this(rowNumber, number, command, rejection, null, null);
        }
    }

    public record JobView(ImportJob job, List<ImportJobError> errors) {
    }

    private final ImportJobRepository jobs;
    private final SuggestionService suggestions;
    private final ImportConfig config;
    private final AssignmentService assignments;

    public ImportService(ImportJobRepository jobs, SuggestionService suggestions, ImportConfig config, AssignmentService assignments) {
        this.assignments = assignments;
        this.jobs = jobs;
        this.suggestions = suggestions;
        this.config = config;
    }

    public int maxRows() {
        return config.maxRows();
    }

    /** Starts an import; small ones finish before this returns (the job is then COMPLETED). */
    public ImportJob start(String source, String congressBody, List<ImportRow> rows, Caller caller) {
        requireImporter(caller, congressBody);
        UUID jobId = QuarkusTransaction.requiringNew().call(() -> {
            ImportJob job = new ImportJob();
            job.id = UUID.randomUUID();
            job.congressBody = congressBody != null ? congressBody : caller.congressBody();
            job.source = source;
            job.state = ImportJob.State.RUNNING;
            job.total = rows.size();
            job.createdBy = caller.subject();
            job.createdAt = Instant.now();
            jobs.persist(job);
            return job.id;
        });
        if (rows.size() <= config.syncMaxRows()) {
            run(jobId, rows, caller);
        } else {
            Infrastructure.getDefaultWorkerPool().execute(() -> run(jobId, rows, caller));
        }
        return QuarkusTransaction.requiringNew().call(() -> jobs.findById(jobId));
    }

    @Transactional
    public JobView view(UUID jobId, Caller caller) {
        if (caller.isCongressOffice() && caller.congressBody() == null) {
            throw new NotFoundException(Text.of("没有导入任务 " + jobId, "No import job " + jobId)); // no scope, nothing visible
        }
        ImportJob job = (caller.congressBody() != null
                // an office (or a system narrowed to one body) sees its congress body's imports
                ? jobs.find("id = ?1 and congressBody = ?2", jobId, caller.congressBody()).firstResultOptional()
                // a system token spanning every body, the imports it started
                : jobs.find("id = ?1 and createdBy = ?2", jobId, caller.subject()).firstResultOptional())
                .orElseThrow(() -> new NotFoundException(Text.of("没有导入任务 " + jobId, "No import job " + jobId)));
        return new JobView(job, jobs.errors(jobId));
    }

    /**
     * A congress office imports only for the congress body its token names (403 without one, or for another body);
     * a system token narrowed to one body likewise.
     */
    public static void requireImporter(Caller caller, String congressBody) {
        caller.requireScope();
        if (caller.congressBody() == null && !caller.hasRole(Caller.SYSTEM)) {
            throw new AccessDeniedException(Text.of("您的令牌未指明人大(政协)机关", "Your token names no congress body"));
        }
        if (caller.congressBody() != null && congressBody != null && !caller.congressBody().equals(congressBody)) {
            throw new AccessDeniedException(Text.of("您只能为 " + caller.congressBody() + " 导入建议",
                    "You may import suggestions only for congress body " + caller.congressBody()));
        }
    }

    private void run(UUID jobId, List<ImportRow> rows, Caller caller) {
        try {
            for (int from = 0; from < rows.size(); from += config.chunkSize()) {
                List<ImportRow> chunk = rows.subList(from, Math.min(rows.size(), from + config.chunkSize()));
                QuarkusTransaction.requiringNew().run(() -> importChunk(jobId, chunk, caller));
            }
            QuarkusTransaction.requiringNew().run(() -> {
                ImportJob job = jobs.findById(jobId);
                job.state = ImportJob.State.COMPLETED;
                job.finishedAt = Instant.now();
            });
        } catch (RuntimeException e) {
            LOG.errorf(e, "import job %s failed", jobId);
            QuarkusTransaction.requiringNew().run(() -> {
                ImportJob job = jobs.findById(jobId);
                job.state = ImportJob.State.FAILED;
                job.finishedAt = Instant.now();
                job.failure = "import stopped after " + job.processed + " rows; the rows stored so far are kept";
            });
        }
    }

    /**
     * One transaction: the chunk's suggestions, their events and history, its rejected rows and the job's progress.
     * A row's assignment is checked before anything of the row is stored, so a bad row changes nothing.
     */
    private void importChunk(UUID jobId, List<ImportRow> chunk, Caller caller) {
        List<ImportRow> valid = new ArrayList<>();
        List<ImportJobError> errors = new ArrayList<>();
        for (ImportRow row : chunk) {
            String refused = row.rejection() != null ? row.rejection()
                    : row.assignment() != null ? assignments.importRefusal(row.command(), row.assignment()) : null;
            if (refused != null) {
                errors.add(error(jobId, row, refused));
            } else {
                valid.add(row);
            }
        }
        List<Map<String, ?>> marks = valid.stream().<Map<String, ?>>map(row -> importMark(jobId, row)).toList();
        // a row of the previous platform (its record or its assignment there) is a past registration: its events say so
        List<Boolean> migrated = valid.stream().map(row -> row.sourceRecord() != null || row.assignment() != null).toList();
        List<String> outcomes = suggestions.importChunk(valid.stream().map(ImportRow::command).toList(), marks, migrated, caller);
        int accepted = 0;
        int unchanged = 0;
        for (int i = 0; i < valid.size(); i++) {
            ImportRow row = valid.get(i);
            String outcome = outcomes.get(i);
            if (row.assignment() != null && (outcome == null || outcome.isEmpty())) {
                String assigned = assignments.assignImported(row.command().congressBody(), row.command().number(), row.assignment(),
                        caller.subject(), marks.get(i));
                // an existing suggestion assigned now was changed by this row; one assigned otherwise was not
                outcome = assigned == null ? null : assigned.isEmpty() ? outcome : assigned;
            }
            if (outcome == null) {
                accepted++;
            } else if (outcome.isEmpty()) {
                unchanged++;
            } else {
                errors.add(error(jobId, row, outcome));
            }
        }
        errors.forEach(e -> jobs.getEntityManager().persist(e));
        ImportJob job = jobs.findById(jobId);
        job.processed += chunk.size();
        job.accepted += accepted;
        job.unchanged += unchanged;
        job.rejected += errors.size();
    }

    /** What the history says of an imported row: which job and row brought it, and its record on the previous platform. */
    private static Map<String, ?> importMark(UUID jobId, ImportRow row) {
        Map<String, Object> mark = new LinkedHashMap<>();
        mark.put("job", jobId.toString());
        mark.put("row", row.rowNumber());
        if (row.sourceRecord() != null) {
            mark.put("sourceRecord", row.sourceRecord());
        }
        return mark;
    }

    private static ImportJobError error(UUID jobId, ImportRow row, String reason) {
        ImportJobError error = new ImportJobError();
        error.key = new ImportJobError.Key(jobId, row.rowNumber());
        error.number = row.number() == null || row.number().length() > Limits.IMPORT_ERROR_NUMBER ? null : row.number();
        error.reason = reason.length() > Limits.IMPORT_ERROR_REASON ? reason.substring(0, Limits.IMPORT_ERROR_REASON) : reason;
        return error;
    }
}
