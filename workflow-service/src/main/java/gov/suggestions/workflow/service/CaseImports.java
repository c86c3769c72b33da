package gov.suggestions.workflow.service;

import gov.suggestions.workflow.domain.InvalidFieldException;

import gov.suggestions.workflow.domain.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import gov.suggestions.workflow.service.ImportCommands.ImportCases;
import gov.suggestions.workflow.service.ImportCommands.Result;

/**
 * A unit's past and in-flight cases brought from the old platform with the steps they went through: each
 * case of the request in its own transaction (CaseImporter), so one refused case leaves the others imported. Only the
 * cases of the migrator's congress body are found; another body's answer NOT_OPEN, as cases not opened yet.
 */
@ApplicationScoped
public class CaseImports {

    private final CaseImporter importer;

    public CaseImports(CaseImporter importer) {
        this.importer = importer;
    }

    public List<Result> importAll(Caller migrator, ImportCases request, Locale locale) {
        if (migrator.congressBody() == null) {
            throw ScopeMissingException.noScope();
        }
        // the kind decides how a step is read: a step without one makes the body malformed (400), not one case rejected
        for (int i = 0; i < request.cases().size(); i++) {
            var steps = request.cases().get(i).steps();
            for (int j = 0; j < steps.size(); j++) {
                if (steps.get(j).step() == null) {
                    throw new InvalidFieldException("cases[" + i + "].steps[" + j + "].step", Text.of("须注明步骤类别",
                            "a step needs its kind (step)"));
                }
            }
        }
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < request.cases().size(); i++) {
            try {
                results.add(importer.importCase(migrator, i, request.cases().get(i), locale));
            } catch (CaseImporter.Rejected rejected) {
                results.add(rejected.result());
            }
        }
        return results;
    }
}
