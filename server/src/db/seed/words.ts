/** Word lists the seeds draw names, titles and other realistic values from. */

export const FIRST_NAMES = [
  'James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth',
  'William', 'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Christopher', 'Karen',
  'Charles', 'Lisa', 'Daniel', 'Nancy', 'Matthew', 'Betty', 'Anthony', 'Margaret', 'Mark', 'Sandra',
  'Donald', 'Ashley', 'Steven', 'Kimberly', 'Paul', 'Emily', 'Andrew', 'Donna', 'Joshua', 'Michelle',
  'Kenneth', 'Carol', 'Kevin', 'Amanda', 'Brian', 'Dorothy', 'George', 'Melissa', 'Timothy', 'Deborah',
  'Ronald', 'Stephanie', 'Edward', 'Rebecca', 'Jason', 'Sharon', 'Jeffrey', 'Laura', 'Ryan', 'Cynthia',
  'Jacob', 'Kathleen', 'Gary', 'Amy', 'Nicholas', 'Angela', 'Eric', 'Shirley', 'Jonathan', 'Anna',
  'Stephen', 'Brenda', 'Larry', 'Pamela', 'Justin', 'Emma', 'Scott', 'Nicole', 'Brandon', 'Helen',
  'Benjamin', 'Samantha', 'Samuel', 'Katherine', 'Gregory', 'Christine', 'Alexander', 'Debra', 'Frank', 'Rachel',
  'Patrick', 'Carolyn', 'Raymond', 'Janet', 'Jack', 'Catherine', 'Dennis', 'Maria', 'Jerry', 'Heather',
  'Tyler', 'Diane', 'Aaron', 'Ruth', 'Jose', 'Julie', 'Adam', 'Olivia', 'Nathan', 'Joyce',
  'Henry', 'Virginia', 'Douglas', 'Victoria', 'Zachary', 'Kelly', 'Peter', 'Lauren', 'Kyle', 'Christina',
  'Noah', 'Joan', 'Ethan', 'Evelyn', 'Jeremy', 'Judith', 'Walter', 'Megan', 'Christian', 'Andrea',
  'Keith', 'Cheryl', 'Roger', 'Hannah', 'Terry', 'Jacqueline', 'Austin', 'Martha', 'Sean', 'Gloria',
  'Gerald', 'Teresa', 'Carl', 'Ann', 'Harold', 'Sara', 'Dylan', 'Madison', 'Arthur', 'Frances',
  'Lawrence', 'Kathryn', 'Jordan', 'Janice', 'Jesse', 'Jean', 'Bryan', 'Abigail', 'Billy', 'Alice',
  'Bruce', 'Judy', 'Gabriel', 'Sophia', 'Joe', 'Grace', 'Logan', 'Denise', 'Alan', 'Amber',
  'Juan', 'Doris', 'Albert', 'Marilyn', 'Willie', 'Danielle', 'Elijah', 'Beverly', 'Wayne', 'Isabella',
  'Randy', 'Theresa', 'Vincent', 'Diana', 'Mason', 'Natalie', 'Roy', 'Brittany', 'Ralph', 'Charlotte',
  'Bobby', 'Marie', 'Russell', 'Kayla', 'Bradley', 'Alexis', 'Philip', 'Lori', 'Eugene', 'Priya',
  'Wei', 'Mei', 'Hiroshi', 'Yuki', 'Arjun', 'Ananya', 'Mohammed', 'Fatima', 'Luis', 'Camila',
  'Mateo', 'Valentina', 'Lukas', 'Ingrid', 'Pierre', 'Amelie', 'Giovanni', 'Chiara', 'Oluwaseun', 'Amara',
] as const;

export const LAST_NAMES = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez',
  'Hernandez', 'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin',
  'Lee', 'Perez', 'Thompson', 'White', 'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Lewis', 'Robinson',
  'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Torres', 'Nguyen', 'Hill', 'Flores',
  'Green', 'Adams', 'Nelson', 'Baker', 'Hall', 'Rivera', 'Campbell', 'Mitchell', 'Carter', 'Roberts',
  'Gomez', 'Phillips', 'Evans', 'Turner', 'Diaz', 'Parker', 'Cruz', 'Edwards', 'Collins', 'Reyes',
  'Stewart', 'Morris', 'Morales', 'Murphy', 'Cook', 'Rogers', 'Gutierrez', 'Ortiz', 'Morgan', 'Cooper',
  'Peterson', 'Bailey', 'Reed', 'Kelly', 'Howard', 'Ramos', 'Kim', 'Cox', 'Ward', 'Richardson',
  'Watson', 'Brooks', 'Chavez', 'Wood', 'James', 'Bennett', 'Gray', 'Mendoza', 'Ruiz', 'Hughes',
  'Price', 'Alvarez', 'Castillo', 'Sanders', 'Patel', 'Myers', 'Long', 'Ross', 'Foster', 'Jimenez',
  'Powell', 'Jenkins', 'Perry', 'Russell', 'Sullivan', 'Bell', 'Coleman', 'Butler', 'Henderson', 'Barnes',
  'Gonzales', 'Fisher', 'Vasquez', 'Simmons', 'Romero', 'Jordan', 'Patterson', 'Alexander', 'Hamilton', 'Graham',
  'Reynolds', 'Griffin', 'Wallace', 'Moreno', 'West', 'Cole', 'Hayes', 'Bryant', 'Herrera', 'Gibson',
  'Ellis', 'Tran', 'Medina', 'Aguilar', 'Stevens', 'Murray', 'Ford', 'Castro', 'Marshall', 'Owens',
  'Harrison', 'Fernandez', 'McDonald', 'Woods', 'Washington', 'Kennedy', 'Wells', 'Vargas', 'Henry', 'Chen',
  'Freeman', 'Webb', 'Tucker', 'Guzman', 'Burns', 'Crawford', 'Olson', 'Simpson', 'Porter', 'Hunter',
  'Gordon', 'Mendez', 'Silva', 'Shaw', 'Snyder', 'Mason', 'Dixon', 'Munoz', 'Hunt', 'Hicks',
  'Holmes', 'Palmer', 'Wagner', 'Black', 'Robertson', 'Boyd', 'Rose', 'Stone', 'Salazar', 'Fox',
  'Warren', 'Mills', 'Meyer', 'Rice', 'Schmidt', 'Garza', 'Daniels', 'Ferguson', 'Nichols', 'Stephens',
  'Tanaka', 'Sato', 'Suzuki', 'Wang', 'Li', 'Zhang', 'Liu', 'Singh', 'Kumar', 'Sharma',
  'Okafor', 'Adeyemi', 'Mensah', 'Dubois', 'Moreau', 'Rossi', 'Russo', 'Bianchi', 'Muller', 'Schneider',
  'Fischer', 'Weber', 'Novak', 'Kowalski', 'Nowak', 'Larsen', 'Hansen', 'Johansson', 'Lindqvist', "O'Brien",
] as const;

export const DIVISIONS = ['Home', 'North America', 'EMEA', 'APAC', 'Latin America'] as const;

/** Departments with the job titles found in each. */
export const DEPARTMENTS: ReadonlyArray<{ name: string; titles: readonly string[]; weight: number }> = [
  { name: 'Customer Care', weight: 30, titles: ['Customer Care Agent', 'Senior Customer Care Agent', 'Customer Care Team Lead', 'Customer Care Supervisor', 'Customer Care Manager'] },
  { name: 'Technical Support', weight: 16, titles: ['Support Engineer', 'Senior Support Engineer', 'Support Team Lead', 'Escalation Engineer', 'Technical Support Manager'] },
  { name: 'Sales', weight: 12, titles: ['Account Executive', 'Sales Development Representative', 'Inside Sales Representative', 'Sales Manager', 'Regional Sales Director'] },
  { name: 'Billing', weight: 6, titles: ['Billing Specialist', 'Collections Specialist', 'Billing Team Lead', 'Billing Manager'] },
  { name: 'Quality Assurance', weight: 4, titles: ['Quality Analyst', 'Senior Quality Analyst', 'Quality Manager'] },
  { name: 'Workforce Management', weight: 3, titles: ['Workforce Analyst', 'Scheduling Coordinator', 'Real-Time Analyst', 'Workforce Manager'] },
  { name: 'Training', weight: 3, titles: ['Trainer', 'Senior Trainer', 'Learning and Development Manager'] },
  { name: 'Engineering', weight: 9, titles: ['Software Engineer', 'Senior Software Engineer', 'Staff Engineer', 'Engineering Manager', 'Site Reliability Engineer'] },
  { name: 'Product', weight: 3, titles: ['Product Manager', 'Senior Product Manager', 'Product Designer', 'UX Researcher'] },
  { name: 'Marketing', weight: 4, titles: ['Marketing Specialist', 'Content Strategist', 'Marketing Manager', 'Campaign Manager'] },
  { name: 'Finance', weight: 3, titles: ['Financial Analyst', 'Accountant', 'Controller', 'Finance Manager'] },
  { name: 'Human Resources', weight: 3, titles: ['HR Generalist', 'Recruiter', 'HR Business Partner', 'HR Manager'] },
  { name: 'IT', weight: 3, titles: ['IT Support Specialist', 'Systems Administrator', 'Network Engineer', 'IT Manager'] },
  { name: 'Legal', weight: 1, titles: ['Counsel', 'Paralegal', 'Compliance Officer'] },
];

export const ROUTING_SKILLS = [
  'Billing', 'Technical Support', 'Sales', 'Retention', 'Escalations', 'Onboarding', 'Claims', 'Returns',
  'Fraud', 'VIP Accounts', 'Chat Support', 'Email Support', 'Social Media', 'Hardware', 'Software', 'Networking',
  'Collections', 'Outbound', 'Spanish Queue', 'Premium Support',
] as const;

export const LANGUAGES = [
  'English', 'Spanish', 'French', 'German', 'Portuguese', 'Italian', 'Japanese', 'Mandarin', 'Hindi', 'Arabic', 'Dutch', 'Korean',
] as const;

export const LANGUAGE_PREFERENCES = ['en-US', 'en-GB', 'es', 'fr', 'de', 'pt-BR', 'it', 'ja', 'zh-CN', 'nl'] as const;

export const SYSTEM_PRESENCES = ['Available', 'Away', 'Busy', 'Offline', 'Idle', 'On Queue', 'Meal', 'Training', 'Meeting', 'Break'] as const;

export const ROUTING_STATUSES = ['OFF_QUEUE', 'IDLE', 'INTERACTING', 'NOT_RESPONDING', 'COMMUNICATING'] as const;

export const CERTIFICATIONS = [
  'Genesys Cloud Certified Professional', 'ITIL Foundation', 'CompTIA A+', 'Certified Customer Experience Professional',
  'PCI DSS Awareness', 'HDI Support Center Analyst', 'Six Sigma Green Belt', 'Salesforce Administrator', 'CCNA',
  'Project Management Professional', 'AWS Certified Cloud Practitioner', 'Certified Workforce Planner',
] as const;

export const PROFILE_SKILLS = [
  'De-escalation', 'Active listening', 'Product knowledge', 'Troubleshooting', 'Negotiation', 'Coaching', 'Excel',
  'SQL', 'Public speaking', 'Technical writing', 'Scheduling', 'Data analysis', 'Project planning', 'Mentoring',
] as const;

export const INTERESTS = ['Cycling', 'Photography', 'Cooking', 'Hiking', 'Chess', 'Gardening', 'Music', 'Reading', 'Travel', 'Yoga', 'Running', 'Board games'] as const;

/** Offices, with a coordinate for geolocation and a postal address. */
export const OFFICES = [
  { name: 'Indianapolis HQ', city: 'Indianapolis', region: 'Indiana', country: 'US', lat: 39.7684, lon: -86.1581, street: '601 Merchants Square Dr', zip: '46032', tz: 'America/Indiana/Indianapolis', phone: '+1 317' },
  { name: 'Raleigh Office', city: 'Raleigh', region: 'North Carolina', country: 'US', lat: 35.7796, lon: -78.6382, street: '4200 Six Forks Rd', zip: '27609', tz: 'America/New_York', phone: '+1 919' },
  { name: 'Denver Office', city: 'Denver', region: 'Colorado', country: 'US', lat: 39.7392, lon: -104.9903, street: '1700 Lincoln St', zip: '80203', tz: 'America/Denver', phone: '+1 303' },
  { name: 'Toronto Office', city: 'Toronto', region: 'Ontario', country: 'CA', lat: 43.6532, lon: -79.3832, street: '100 King St W', zip: 'M5X 1A9', tz: 'America/Toronto', phone: '+1 416' },
  { name: 'London Office', city: 'London', region: 'England', country: 'GB', lat: 51.5074, lon: -0.1278, street: '1 Finsbury Ave', zip: 'EC2M 2PF', tz: 'Europe/London', phone: '+44 20' },
  { name: 'Galway Office', city: 'Galway', region: 'Connacht', country: 'IE', lat: 53.2707, lon: -9.0568, street: 'Mervue Business Park', zip: 'H91 W5P2', tz: 'Europe/Dublin', phone: '+353 91' },
  { name: 'Frankfurt Office', city: 'Frankfurt', region: 'Hesse', country: 'DE', lat: 50.1109, lon: 8.6821, street: 'Mainzer Landstrasse 50', zip: '60325', tz: 'Europe/Berlin', phone: '+49 69' },
  { name: 'Sydney Office', city: 'Sydney', region: 'New South Wales', country: 'AU', lat: -33.8688, lon: 151.2093, street: '60 Martin Pl', zip: '2000', tz: 'Australia/Sydney', phone: '+61 2' },
  { name: 'Tokyo Office', city: 'Tokyo', region: 'Tokyo', country: 'JP', lat: 35.6762, lon: 139.6503, street: '1-1-2 Otemachi, Chiyoda-ku', zip: '100-0004', tz: 'Asia/Tokyo', phone: '+81 3' },
  { name: 'Sao Paulo Office', city: 'Sao Paulo', region: 'Sao Paulo', country: 'BR', lat: -23.5505, lon: -46.6333, street: 'Av. Paulista 1000', zip: '01310-100', tz: 'America/Sao_Paulo', phone: '+55 11' },
  { name: 'Bengaluru Office', city: 'Bengaluru', region: 'Karnataka', country: 'IN', lat: 12.9716, lon: 77.5946, street: '12 MG Road', zip: '560001', tz: 'Asia/Kolkata', phone: '+91 80' },
] as const;

export const TEAM_NAMES = [
  'Falcons', 'Orcas', 'Comets', 'Pioneers', 'Navigators', 'Summit', 'Harbor', 'Atlas', 'Beacon', 'Cascade',
  'Evergreen', 'Horizon', 'Keystone', 'Lighthouse', 'Meridian', 'Northstar', 'Quartz', 'Redwood', 'Sierra', 'Tidewater',
] as const;

export const SOCIAL_TOPICS = [
  'Running Club', 'Book Club', 'Photography Circle', 'Board Game Night', 'Coffee Lovers', 'Cycling Crew', 'Hiking Group',
  'Parents Network', 'Pet Owners', 'Gardening Club', 'Chess Club', 'Foodies', 'Movie Night', 'Yoga at Lunch',
  'Volunteering Team', 'Music Jam', 'Travel Stories', 'Language Exchange', 'Wellness Challenge', 'Trivia Team',
  'Women in Tech', 'Pride Network', 'Green Team', 'Veterans Network', 'Early Career Network', 'Knitting Circle',
  'Soccer League', 'Basketball Pickup', 'Climbing Crew', 'Podcast Club',
] as const;

export const PROJECT_CODENAMES = [
  'Aurora', 'Borealis', 'Catalyst', 'Delta', 'Eclipse', 'Fathom', 'Granite', 'Helix', 'Ignite', 'Juniper',
  'Kestrel', 'Lumen', 'Mosaic', 'Nimbus', 'Onyx', 'Prism', 'Quasar', 'Radiant', 'Sapphire', 'Tempest',
  'Umbra', 'Vertex', 'Willow', 'Xenon', 'Yarrow', 'Zephyr',
] as const;
