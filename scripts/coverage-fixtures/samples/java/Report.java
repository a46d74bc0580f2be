// Runs com.example.Account under JaCoCo's own instrumentation and writes
// JaCoCo's XML report, then prints the bundle's LINE and BRANCH counters (the
// tool's own totals). Debian's libjacoco-java ships no usable agent
// (org.jacoco.agent.rt.jar has no Premain-Class) and no CLI, so this follows
// JaCoCo's documented core API example (CoreTutorial): Instrumenter +
// LoggerRuntime in memory, Analyzer + XMLFormatter for the report.
import java.io.File;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import org.jacoco.core.analysis.Analyzer;
import org.jacoco.core.analysis.CoverageBuilder;
import org.jacoco.core.analysis.IBundleCoverage;
import org.jacoco.core.data.ExecutionDataStore;
import org.jacoco.core.data.SessionInfoStore;
import org.jacoco.core.instr.Instrumenter;
import org.jacoco.core.runtime.IRuntime;
import org.jacoco.core.runtime.LoggerRuntime;
import org.jacoco.core.runtime.RuntimeData;
import org.jacoco.report.DirectorySourceFileLocator;
import org.jacoco.report.IReportVisitor;
import org.jacoco.report.xml.XMLFormatter;

public class Report {
    static class MemoryClassLoader extends ClassLoader {
        final Map<String, byte[]> definitions = new HashMap<>();

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            byte[] bytes = definitions.get(name);
            if (bytes != null) {
                return defineClass(name, bytes, 0, bytes.length);
            }
            return super.loadClass(name, resolve);
        }
    }

    public static void main(String[] args) throws Exception {
        String className = "com.example.Account";
        File classFile = new File(args[0], className.replace('.', '/') + ".class");
        IRuntime runtime = new LoggerRuntime();
        Instrumenter instrumenter = new Instrumenter(runtime);
        byte[] original = Files.readAllBytes(classFile.toPath());
        byte[] instrumented = instrumenter.instrument(original, className);
        RuntimeData data = new RuntimeData();
        runtime.startup(data);
        MemoryClassLoader loader = new MemoryClassLoader();
        loader.definitions.put(className, instrumented);
        loader.loadClass(className).getMethod("main", String[].class).invoke(null, (Object) new String[0]);

        ExecutionDataStore executionData = new ExecutionDataStore();
        SessionInfoStore sessionInfos = new SessionInfoStore();
        data.collect(executionData, sessionInfos, false);
        runtime.shutdown();

        CoverageBuilder builder = new CoverageBuilder();
        new Analyzer(executionData, builder).analyzeAll(new File(args[0]));
        IBundleCoverage bundle = builder.getBundle("sample");
        IReportVisitor visitor = new XMLFormatter().createVisitor(new FileOutputStream(args[2]));
        visitor.visitInfo(sessionInfos.getInfos(), executionData.getContents());
        visitor.visitBundle(bundle, new DirectorySourceFileLocator(new File(args[1]), "utf-8", 4));
        visitor.visitEnd();
        System.out.println("LINE " + bundle.getLineCounter().getCoveredCount() + " " + bundle.getLineCounter().getTotalCount());
        System.out.println("BRANCH " + bundle.getBranchCounter().getCoveredCount() + " " + bundle.getBranchCounter().getTotalCount());
    }
}
