/**
 * arXiv's subject classification: the names readers know for codes like `hep-ph` or `cs.CL`.
 * Paper pages show the name beside the code, and derived topics take the archive name their
 * papers share. Codes not listed here (a category arXiv adds later, an ACM or MSC class such as
 * `I.2.7` or `68T50` that some records list among their categories) are shown as written.
 */

/** Archives (the part before the dot, or the whole code of a physics archive without subjects). */
const ARCHIVES: Readonly<Record<string, string>> = {
	'astro-ph': 'Astrophysics',
	'cond-mat': 'Condensed Matter',
	cs: 'Computer Science',
	econ: 'Economics',
	eess: 'Electrical Engineering and Systems Science',
	'gr-qc': 'General Relativity and Quantum Cosmology',
	'hep-ex': 'High Energy Physics - Experiment',
	'hep-lat': 'High Energy Physics - Lattice',
	'hep-ph': 'High Energy Physics - Phenomenology',
	'hep-th': 'High Energy Physics - Theory',
	math: 'Mathematics',
	'math-ph': 'Mathematical Physics',
	nlin: 'Nonlinear Sciences',
	'nucl-ex': 'Nuclear Experiment',
	'nucl-th': 'Nuclear Theory',
	physics: 'Physics',
	'q-bio': 'Quantitative Biology',
	'q-fin': 'Quantitative Finance',
	'quant-ph': 'Quantum Physics',
	stat: 'Statistics',
	// Archives of the 1990s, merged since; old records still carry them.
	'acc-phys': 'Accelerator Physics',
	'adap-org': 'Adaptation, Noise, and Self-Organizing Systems',
	'alg-geom': 'Algebraic Geometry',
	'ao-sci': 'Atmospheric-Oceanic Sciences',
	'atom-ph': 'Atomic, Molecular and Optical Physics',
	'bayes-an': 'Bayesian Analysis',
	'chao-dyn': 'Chaotic Dynamics',
	'chem-ph': 'Chemical Physics',
	'cmp-lg': 'Computation and Language',
	'comp-gas': 'Cellular Automata and Lattice Gases',
	'dg-ga': 'Differential Geometry',
	'funct-an': 'Functional Analysis',
	'mtrl-th': 'Materials Theory',
	'patt-sol': 'Pattern Formation and Solitons',
	'plasm-ph': 'Plasma Physics',
	'q-alg': 'Quantum Algebra and Topology',
	'solv-int': 'Exactly Solvable and Integrable Systems',
	'supr-con': 'Superconductivity',
};

/** Subject classes, by their code without the archive (`CL` of `cs.CL`), per archive. */
const SUBJECTS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
	'astro-ph': {
		CO: 'Cosmology and Nongalactic Astrophysics',
		EP: 'Earth and Planetary Astrophysics',
		GA: 'Astrophysics of Galaxies',
		HE: 'High Energy Astrophysical Phenomena',
		IM: 'Instrumentation and Methods for Astrophysics',
		SR: 'Solar and Stellar Astrophysics',
	},
	'cond-mat': {
		'dis-nn': 'Disordered Systems and Neural Networks',
		'mes-hall': 'Mesoscale and Nanoscale Physics',
		'mtrl-sci': 'Materials Science',
		other: 'Other Condensed Matter',
		'quant-gas': 'Quantum Gases',
		soft: 'Soft Condensed Matter',
		'stat-mech': 'Statistical Mechanics',
		'str-el': 'Strongly Correlated Electrons',
		'supr-con': 'Superconductivity',
	},
	cs: {
		AI: 'Artificial Intelligence',
		AR: 'Hardware Architecture',
		CC: 'Computational Complexity',
		CE: 'Computational Engineering, Finance, and Science',
		CG: 'Computational Geometry',
		CL: 'Computation and Language',
		CR: 'Cryptography and Security',
		CV: 'Computer Vision and Pattern Recognition',
		CY: 'Computers and Society',
		DB: 'Databases',
		DC: 'Distributed, Parallel, and Cluster Computing',
		DL: 'Digital Libraries',
		DM: 'Discrete Mathematics',
		DS: 'Data Structures and Algorithms',
		ET: 'Emerging Technologies',
		FL: 'Formal Languages and Automata Theory',
		GL: 'General Literature',
		GR: 'Graphics',
		GT: 'Computer Science and Game Theory',
		HC: 'Human-Computer Interaction',
		IR: 'Information Retrieval',
		IT: 'Information Theory',
		LG: 'Machine Learning',
		LO: 'Logic in Computer Science',
		MA: 'Multiagent Systems',
		MM: 'Multimedia',
		MS: 'Mathematical Software',
		NA: 'Numerical Analysis',
		NE: 'Neural and Evolutionary Computing',
		NI: 'Networking and Internet Architecture',
		OH: 'Other Computer Science',
		OS: 'Operating Systems',
		PF: 'Performance',
		PL: 'Programming Languages',
		RO: 'Robotics',
		SC: 'Symbolic Computation',
		SD: 'Sound',
		SE: 'Software Engineering',
		SI: 'Social and Information Networks',
		SY: 'Systems and Control',
	},
	econ: { EM: 'Econometrics', GN: 'General Economics', TH: 'Theoretical Economics' },
	eess: {
		AS: 'Audio and Speech Processing',
		IV: 'Image and Video Processing',
		SP: 'Signal Processing',
		SY: 'Systems and Control',
	},
	math: {
		AC: 'Commutative Algebra',
		AG: 'Algebraic Geometry',
		AP: 'Analysis of PDEs',
		AT: 'Algebraic Topology',
		CA: 'Classical Analysis and ODEs',
		CO: 'Combinatorics',
		CT: 'Category Theory',
		CV: 'Complex Variables',
		DG: 'Differential Geometry',
		DS: 'Dynamical Systems',
		FA: 'Functional Analysis',
		GM: 'General Mathematics',
		GN: 'General Topology',
		GR: 'Group Theory',
		GT: 'Geometric Topology',
		HO: 'History and Overview',
		IT: 'Information Theory',
		KT: 'K-Theory and Homology',
		LO: 'Logic',
		MG: 'Metric Geometry',
		MP: 'Mathematical Physics',
		NA: 'Numerical Analysis',
		NT: 'Number Theory',
		OA: 'Operator Algebras',
		OC: 'Optimization and Control',
		PR: 'Probability',
		QA: 'Quantum Algebra',
		RA: 'Rings and Algebras',
		RT: 'Representation Theory',
		SG: 'Symplectic Geometry',
		SP: 'Spectral Theory',
		ST: 'Statistics Theory',
	},
	nlin: {
		AO: 'Adaptation and Self-Organizing Systems',
		CD: 'Chaotic Dynamics',
		CG: 'Cellular Automata and Lattice Gases',
		PS: 'Pattern Formation and Solitons',
		SI: 'Exactly Solvable and Integrable Systems',
	},
	physics: {
		'acc-ph': 'Accelerator Physics',
		'ao-ph': 'Atmospheric and Oceanic Physics',
		'app-ph': 'Applied Physics',
		'atm-clus': 'Atomic and Molecular Clusters',
		'atom-ph': 'Atomic Physics',
		'bio-ph': 'Biological Physics',
		'chem-ph': 'Chemical Physics',
		'class-ph': 'Classical Physics',
		'comp-ph': 'Computational Physics',
		'data-an': 'Data Analysis, Statistics and Probability',
		'ed-ph': 'Physics Education',
		'flu-dyn': 'Fluid Dynamics',
		'gen-ph': 'General Physics',
		'geo-ph': 'Geophysics',
		'hist-ph': 'History and Philosophy of Physics',
		'ins-det': 'Instrumentation and Detectors',
		'med-ph': 'Medical Physics',
		optics: 'Optics',
		'plasm-ph': 'Plasma Physics',
		'pop-ph': 'Popular Physics',
		'soc-ph': 'Physics and Society',
		'space-ph': 'Space Physics',
	},
	'q-bio': {
		BM: 'Biomolecules',
		CB: 'Cell Behavior',
		GN: 'Genomics',
		MN: 'Molecular Networks',
		NC: 'Neurons and Cognition',
		OT: 'Other Quantitative Biology',
		PE: 'Populations and Evolution',
		QM: 'Quantitative Methods',
		SC: 'Subcellular Processes',
		TO: 'Tissues and Organs',
	},
	'q-fin': {
		CP: 'Computational Finance',
		EC: 'Economics',
		GN: 'General Finance',
		MF: 'Mathematical Finance',
		PM: 'Portfolio Management',
		PR: 'Pricing of Securities',
		RM: 'Risk Management',
		ST: 'Statistical Finance',
		TR: 'Trading and Market Microstructure',
	},
	stat: {
		AP: 'Applications',
		CO: 'Computation',
		ME: 'Methodology',
		ML: 'Machine Learning',
		OT: 'Other Statistics',
		TH: 'Statistics Theory',
	},
};

/** Archives whose papers always carry a subject class: the bare archive is no category. */
const SUBJECT_ONLY = new Set([
	'cs',
	'econ',
	'eess',
	'math',
	'nlin',
	'physics',
	'q-bio',
	'q-fin',
	'stat',
]);

/** The archive of a category code (`cs` of `cs.CL`, `hep-ph` of `hep-ph`), if arXiv has it. */
export function archiveOf(code: string): string | undefined {
	const archive = code.split('.')[0]!;
	return Object.hasOwn(ARCHIVES, archive) ? archive : undefined;
}

/** The name of an archive (`cond-mat` → Condensed Matter), if arXiv has it. */
export function archiveName(archive: string): string | undefined {
	return Object.hasOwn(ARCHIVES, archive) ? ARCHIVES[archive] : undefined;
}

/**
 * The name of a category code as arXiv gives it (`cs.CL` → Computation and Language,
 * `hep-ph` → High Energy Physics - Phenomenology), or undefined for a code arXiv does not have.
 */
export function categoryName(code: string): string | undefined {
	const dot = code.indexOf('.');
	// astro-ph and cond-mat were categories before they had subjects; cs or math never were.
	if (dot < 0) return SUBJECT_ONLY.has(code) ? undefined : archiveName(code);
	const subjects = SUBJECTS[code.slice(0, dot)];
	const subject = code.slice(dot + 1);
	return subjects && Object.hasOwn(subjects, subject) ? subjects[subject] : undefined;
}

/**
 * arXiv's groups, as its front page lists them: Physics spans many archives (and the merged
 * archives of the 1990s); Mathematical Physics is listed under Physics and Mathematics both.
 */
const GROUP_BITS: Readonly<Record<string, number>> = {
	cs: 1,
	math: 2,
	'q-bio': 8,
	'q-fin': 16,
	stat: 32,
	eess: 64,
	econ: 128,
};
const PHYSICS_BIT = 4;
const OLD_NON_PHYSICS: Readonly<Record<string, number>> = {
	'alg-geom': 2,
	'dg-ga': 2,
	'funct-an': 2,
	'q-alg': 2,
	'cmp-lg': 1,
	'bayes-an': 32,
};

/**
 * The arXiv groups of a paper's categories as bits (Computer Science 1, Mathematics 2, Physics
 * 4, Quantitative Biology 8, Quantitative Finance 16, Statistics 32, Electrical Engineering 64,
 * Economics 128); 0 when none is an arXiv category (no categories, or only ACM or MSC classes).
 */
export function fieldMask(categories: readonly string[]): number {
	let mask = 0;
	for (const code of categories) {
		const archive = archiveOf(code);
		if (archive === undefined) continue;
		if (archive === 'math-ph') mask |= PHYSICS_BIT | GROUP_BITS.math!;
		else mask |= GROUP_BITS[archive] ?? OLD_NON_PHYSICS[archive] ?? PHYSICS_BIT;
	}
	return mask;
}
